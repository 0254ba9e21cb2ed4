// Preload (`node --import`) that forces every TCP net.Server to listen on 127.0.0.1. Portkey's CLI calls
// serve({fetch, port}) with no host, which binds all interfaces; the bench must stay on loopback.
import { Server } from 'node:net';
import { toLoopback } from './to-loopback.js';

const listen = Server.prototype.listen as (this: Server, ...args: unknown[]) => Server;

Server.prototype.listen = function listenOnLoopback(this: Server, ...args: unknown[]): Server {
  return listen.apply(this, toLoopback(args));
} as typeof Server.prototype.listen;
