"""A stand-in for a slow upstream service: every request is answered after 50 ms, keep-alive, any number
at once. `python upstream.py PORT`. Plain asyncio on uvloop when it is importable (the benchmark runs this
with the generated project's interpreter, which has it through `uvicorn[standard]`): a real upstream runs on
other hardware, so the stand-in should take as little as it can of the two cores the app under test shares.
"""

import asyncio
import sys

try:
    import uvloop
except ImportError:  # plain asyncio still answers, at more CPU per request
    uvloop = None

DELAY_SECONDS = 0.05
ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"


async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            await reader.readuntil(b"\r\n\r\n")  # GET requests only: no body to read
            await asyncio.sleep(DELAY_SECONDS)
            writer.write(ANSWER)
            await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port: int) -> None:
    server = await asyncio.start_server(answer, "127.0.0.1", port, backlog=1024)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    if uvloop is not None:
        uvloop.run(main(int(sys.argv[1])))
    else:
        asyncio.run(main(int(sys.argv[1])))
