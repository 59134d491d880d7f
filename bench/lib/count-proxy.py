#!/usr/bin/env python3
"""A loopback TCP proxy that counts the bytes clients send to the upstream and back.

    count-proxy.py LISTEN_PORT UPSTREAM_PORT COUNTS_FILE

After every chunk relayed it rewrites COUNTS_FILE with "<sent> <received>" (totals since start),
so a benchmark reads the totals before and after each method, whatever connections stay open.
"""
import asyncio
import os
import sys

listen_port, upstream_port, counts_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
totals = {"sent": 0, "received": 0}


def save():
    temp = counts_file + ".tmp"
    with open(temp, "w") as f:
        f.write(f"{totals['sent']} {totals['received']}\n")
    os.replace(temp, counts_file)


async def pipe(reader, writer, key):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            totals[key] += len(data)
            save()
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer):
    upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
    await asyncio.gather(pipe(client_reader, upstream_writer, "sent"), pipe(upstream_reader, client_writer, "received"))


async def main():
    save()
    server = await asyncio.start_server(handle, "127.0.0.1", listen_port)
    async with server:
        await server.serve_forever()


asyncio.run(main())
