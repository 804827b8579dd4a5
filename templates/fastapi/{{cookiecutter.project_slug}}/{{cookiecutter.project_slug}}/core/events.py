"""Live changes for WebSocket subscribers: within this process, or across processes through Redis.

Each worker hands events to its own subscribers (`Hub`). Without `REDIS_URL` an event goes straight to
this worker's subscribers, which is all there is with one worker. With it, every event is published on
a Redis channel and each worker's single listener passes what arrives to its subscribers, so a change
made through any worker, on any machine, reaches every subscriber. Redis pub/sub delivers at most once:
a subscriber that is not connected when an event passes does not get it, so clients re-read the
resource after they (re)connect.
"""

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.exceptions import RedisError

Event = dict[str, Any]

logger = logging.getLogger(__name__)

#: Events a subscriber may fall behind by before it is dropped (its socket is then closed).
QUEUE_SIZE = 100
#: Seconds between attempts to subscribe again after Redis went away.
RETRY_SECONDS = 1.0


class Subscription:
    """One subscriber's queue; None in it means the subscriber fell too far behind."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[Event | None] = asyncio.Queue(QUEUE_SIZE)
        self.overflowed = False

    def offer(self, event: Event) -> None:
        if self.overflowed:
            return
        try:
            self._queue.put_nowait(event)
        except asyncio.QueueFull:
            # A slow reader must not hold the others back or grow without bound: make room for the
            # end marker, which tells its reader to close.
            self.overflowed = True
            self._queue.get_nowait()
            self._queue.put_nowait(None)

    async def next(self) -> Event | None:
        return await self._queue.get()


class Hub:
    """The subscribers connected to this process."""

    def __init__(self) -> None:
        self._subscriptions: set[Subscription] = set()

    def deliver(self, event: Event) -> None:
        for subscription in list(self._subscriptions):
            subscription.offer(event)

    @asynccontextmanager
    async def subscribe(self) -> AsyncIterator[Subscription]:
        subscription = Subscription()
        self._subscriptions.add(subscription)
        try:
            yield subscription
        finally:
            self._subscriptions.discard(subscription)


class Events:
    """Publishes events, and feeds this process's hub from Redis when there is one."""

    def __init__(self, redis_url: str | None, channel: str) -> None:
        self.hub = Hub()
        self.channel = channel
        self._redis: Redis | None = Redis.from_url(redis_url) if redis_url else None
        self._listener: asyncio.Task[None] | None = None

    @property
    def through_redis(self) -> bool:
        return self._redis is not None

    async def publish(self, event: Event) -> None:
        """Send an event to every subscriber; a Redis failure is logged, never raised (the change it
        reports is already stored)."""
        if self._redis is None:
            self.hub.deliver(event)
            return
        try:
            await self._redis.publish(self.channel, json.dumps(event))
        except RedisError:
            logger.exception("Could not publish an event (%s) to Redis", event.get("type"))

    async def start(self) -> None:
        """Subscribe before the first request, so no event published after start-up is missed.

        Redis being down does not stop the app from serving: the listener keeps trying, and live
        updates start when Redis answers (the readiness of the API does not depend on them).
        """
        if self._redis is None:
            return
        try:
            pubsub: PubSub | None = await subscribe(self._redis, self.channel)
        except (RedisError, OSError):
            logger.warning("Redis is unreachable; live item events wait for it", exc_info=True)
            pubsub = None
        self._listener = asyncio.create_task(
            self._listen(self._redis, pubsub), name="events-listener"
        )

    async def stop(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        if self._redis is not None:
            await self._redis.aclose()

    async def _listen(self, redis: Redis, pubsub: PubSub | None) -> None:
        while True:
            if pubsub is None:
                pubsub = await resubscribe(redis, self.channel)
            try:
                async for message in pubsub.listen():
                    if message["type"] == "message":
                        self.hub.deliver(json.loads(message["data"]))
            except (RedisError, OSError):
                logger.warning("Lost the Redis events channel; subscribing again", exc_info=True)
            with contextlib.suppress(RedisError, OSError):
                await pubsub.aclose()
            pubsub = None


async def subscribe(redis: Redis, channel: str) -> PubSub:
    pubsub = redis.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(channel)
    return pubsub


async def resubscribe(redis: Redis, channel: str) -> PubSub:
    while True:
        await asyncio.sleep(RETRY_SECONDS)
        try:
            return await subscribe(redis, channel)
        except (RedisError, OSError):
            logger.warning("Redis is still unreachable for events")
