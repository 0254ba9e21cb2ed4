// Preloaded (`node --import`) into MCP servers from npm that listen on every interface by default
// (server-everything's HTTP modes call `app.listen(PORT)` without a host). It forces 127.0.0.1 and prints the
// port actually bound, so tests can start them with PORT=0 and stay on loopback. HTTP servers also keep idle
// connections for 60 s instead of Node's 5 s, so a client never reuses a socket the server is closing (a spurious
// ECONNRESET on a loaded machine). Passed as a data: URL, so no file has to ship with the package.
const source = `
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  if ('keepAliveTimeout' in this) this.keepAliveTimeout = 60_000;
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') process.stderr.write('LOOPBACK_LISTENING ' + address.port + '\\n');
  });
  if (typeof args[0] === 'number' || typeof args[0] === 'string') {
    const port = Number(args[0]);
    const callback = args.find((arg) => typeof arg === 'function');
    return listen.call(this, { port, host: '127.0.0.1' }, callback);
  }
  if (args[0] && typeof args[0] === 'object' && !('fd' in args[0]) && !('path' in args[0])) {
    return listen.call(this, { ...args[0], host: '127.0.0.1' }, ...args.slice(1));
  }
  return listen.apply(this, args);
};
`;

/** `node --import <this>` forces every listening server of the process onto 127.0.0.1 and prints its port. */
export const loopbackPreload = `data:text/javascript,${encodeURIComponent(source)}`;
