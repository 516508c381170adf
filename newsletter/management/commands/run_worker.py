from django_tasks_db.management.commands import db_worker

from newsletter.tasks import schedule_tick


class Command(db_worker.Command):
    help = (
        "Run the background worker (db_worker) with the newsletter's periodic tick: it "
        "announces scheduled posts that came due and retries deliveries that failed."
    )

    def handle(self, *args, **options):
        schedule_tick()
        super().handle(*args, **options)
