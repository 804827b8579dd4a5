"""Live changes for WebSocket subscribers: within this process, or across processes through Redis.

Each worker hands events to its own subscribers (`Hub`), each a socket served on a thread of its
own.
Without a Redis URL an event goes straight to this process's subscribers, which is all there is with
one process (`flask run`). With one, every event is published on a Redis channel, and each worker's
single listener thread passes what arrives to its subscribers, so a note made through any worker, on
any machine, reaches every subscriber. Redis pub/sub delivers at most once: a subscriber that is not
connected when an event passes does not get it, so clients re-read the notes after they (re)connect.
"""

import json
import logging
import os
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from redis import Redis
from redis.exceptions import RedisError

Event = dict[str, Any]

logger = logging.getLogger(__name__)

#: Events a subscriber may fall behind by before it is dropped (its socket is then closed).
QUEUE_SIZE = 100
#: Seconds between attempts to subscribe again after Redis went away.
RETRY_SECONDS = 1.0
#: Seconds the listener waits for a message before asking again (and noticing `close`).
LISTEN_SECONDS = 1.0


class Subscription:
    """One subscriber's queue; None in it means the subscriber fell too far behind."""

    def __init__(self) -> None:
        self._queue: queue.Queue[Event | None] = queue.Queue(QUEUE_SIZE)
        self._lock = threading.Lock()
        self.overflowed = False

    def offer(self, event: Event) -> None:
        with self._lock:
            if self.overflowed:
                return
            try:
                self._queue.put_nowait(event)
            except queue.Full:
                # A slow reader must not hold the others back or grow without bound: make room
                # for the end marker, which tells its reader to close.
                self.overflowed = True
                self._queue.get_nowait()
                self._queue.put_nowait(None)

    def next(self, timeout: float) -> Event | None:
        """The next event, None when the subscriber fell behind; raises `queue.Empty` on timeout."""
        return self._queue.get(timeout=timeout)


class Hub:
    """The subscribers connected to this process."""

    def __init__(self) -> None:
        self._subscriptions: set[Subscription] = set()
        self._lock = threading.Lock()

    def deliver(self, event: Event) -> None:
        with self._lock:
            subscriptions = list(self._subscriptions)
        for subscription in subscriptions:
            subscription.offer(event)

    @contextmanager
    def subscribe(self) -> Iterator[Subscription]:
        subscription = Subscription()
        with self._lock:
            self._subscriptions.add(subscription)
        try:
            yield subscription
        finally:
            with self._lock:
                self._subscriptions.discard(subscription)


class Events:
    """Publishes events, and feeds this process's hub from Redis when there is one."""

    def __init__(self, redis_url: str | None, channel: str) -> None:
        self.hub = Hub()
        self.channel = channel
        self._redis: Redis | None = Redis.from_url(redis_url) if redis_url else None
        self._listening_in: int | None = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    @property
    def through_redis(self) -> bool:
        return self._redis is not None

    def publish(self, event: Event) -> None:
        """Send an event to every subscriber; a Redis failure is logged, never raised (the change it
        reports is already stored)."""
        if self._redis is None:
            self.hub.deliver(event)
            return
        try:
            self._redis.publish(self.channel, json.dumps(event))
        except RedisError:
            logger.exception("Could not publish an event (%s) to Redis", event.get("type"))

    @contextmanager
    def subscribe(self) -> Iterator[Subscription]:
        """A subscription to every event published after this returns, from any process."""
        self._listen_in_this_process()
        with self.hub.subscribe() as subscription:
            yield subscription

    def _listen_in_this_process(self) -> None:
        """Start this process's listener on first use. Gunicorn forks its workers after loading the
        app (`--preload`) and a thread does not survive a fork, so each worker starts its own."""
        if self._redis is None:
            return
        with self._lock:
            if self._listening_in == os.getpid():
                return
            self._listening_in = os.getpid()
            ready = threading.Event()
            listener = threading.Thread(
                target=self._listen, args=(self._redis, ready), name="events-listener", daemon=True
            )
            listener.start()
        # The first subscriber waits (briefly) for the channel, so it misses nothing after it.
        ready.wait(timeout=RETRY_SECONDS * 2)

    def close(self) -> None:
        """Stop this process's listener (within LISTEN_SECONDS) and let go of Redis."""
        self._stopped.set()
        if self._redis is not None:
            self._redis.close()

    def _listen(self, redis: Redis, ready: threading.Event) -> None:
        while not self._stopped.is_set():
            try:
                pubsub = redis.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self.channel)
                ready.set()
                while not self._stopped.is_set():
                    message = pubsub.get_message(timeout=LISTEN_SECONDS)
                    if message is not None and message["type"] == "message":
                        self.hub.deliver(json.loads(message["data"]))
                pubsub.close()
            except (RedisError, OSError):
                if self._stopped.is_set():
                    return
                logger.warning("Lost the Redis events channel; subscribing again", exc_info=True)
                self._stopped.wait(RETRY_SECONDS)
