"""A task backend that needs no extra service: tasks run on a small thread pool in-process.

Django's task framework (the django-tasks backport) ships only an immediate backend, which would
make the request wait on the mail server. This one hands the task to a worker thread and returns
at once. Queued tasks live in memory: a deployment that must survive restarts uses a database or
broker backend instead (see TASKS in config/settings.py).
"""

import logging
from concurrent.futures import ThreadPoolExecutor

from django.db import close_old_connections
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

logger = logging.getLogger(__name__)


class ThreadPoolBackend(ImmediateBackend):
    supports_async_task = False

    def __init__(self, alias: str, params: dict):
        super().__init__(alias, params)
        self.executor = ThreadPoolExecutor(
            max_workers=int(self.options.get("max_workers", 2)), thread_name_prefix="task"
        )

    def _run(self, task_result: TaskResult) -> None:
        try:
            self._execute_task(task_result)
            if task_result.status == TaskResultStatus.FAILED:
                logger.error(
                    "Task %s failed: %s",
                    task_result.task.name,
                    task_result.errors[-1].traceback if task_result.errors else "",
                )
        finally:
            # Worker threads hold their own database connections; give them back.
            close_old_connections()

    def enqueue(self, task, args, kwargs) -> TaskResult:
        self.validate_task(task)
        task_result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        self.executor.submit(self._run, task_result)
        return task_result
