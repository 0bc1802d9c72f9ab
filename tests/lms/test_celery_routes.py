"""PDF work and email each have their own queue (and routing key, so a task lands in one queue
only); results are kept only where something reads them; slow SMTP cannot hold a worker long."""

import pytest

from lms.celery import app


def queue_of(task_name: str) -> str:
    return app.amqp.router.route({}, task_name, (), {})["queue"].name


@pytest.mark.parametrize(
    ("task_name", "queue"),
    [
        ("certificates.render", "pdf"),
        ("lms.run_background_job", "pdf"),  # lms.jobs: ledger PDFs, bulk certificate issue
        ("certificates.send_email", "email"),
        ("courses.send_invitation", "email"),
        ("certificates.issue_on_completion", "celery"),
        ("lms.publish_scheduled_pages", "celery"),
        ("quizzes.finish_overdue_attempts", "celery"),
    ],
)
def test_tasks_go_to_their_queue(task_name, queue):
    assert queue_of(task_name) == queue


def test_each_queue_has_its_own_exchange_and_routing_key():
    queues = {queue.name: queue for queue in app.conf.task_queues}
    assert set(queues) == {"celery", "pdf", "email"}
    for name, queue in queues.items():
        assert (queue.exchange.name, queue.routing_key) == (name, name)


def test_results_only_where_read_and_time_limits_per_kind():
    assert app.conf.task_ignore_result is True
    assert app.conf.task_acks_late is True
    annotations = app.conf.task_annotations
    assert annotations["lms.run_background_job"]["ignore_result"] is False
    assert annotations["lms.ping"]["ignore_result"] is False
    assert annotations["certificates.send_email"]["time_limit"] <= 90
    assert annotations["certificates.render"]["soft_time_limit"] < annotations["certificates.render"]["time_limit"]
    from certificates.tasks import render_certificate

    render = app.tasks[render_certificate.name]
    assert (render.soft_time_limit, render.time_limit, render.acks_late) == (120, 180, True)
