export { everythingEntry, everythingStdio, loopbackPreload, memoryEntry, memoryStdio, startEverythingHttp, type HttpPeer } from './mcp-peers.js';
