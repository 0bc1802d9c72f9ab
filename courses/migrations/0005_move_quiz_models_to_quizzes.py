"""QuizPage and QuizAttempt move to the `quizzes` app: drop them from this app's state only.

The tables stay where they are; `quizzes.0001_initial` adopts them, renames them and moves their
content types (so existing quiz pages and attempts keep working in the page tree).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_constraint_messages"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="QuizAttempt"),
                migrations.DeleteModel(name="QuizPage"),
            ],
            database_operations=[],
        ),
    ]
