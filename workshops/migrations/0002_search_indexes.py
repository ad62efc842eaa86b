from django.db import migrations

from baliprocess.lib.migrations import AddSearchIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_initial"),
    ]

    operations = [
        AddSearchIndexOnPostgreSQL(
            model_name="group",
            name="group_search_idx",
            fields=["name", "short_name", "mandate", "description"],
        ),
        AddSearchIndexOnPostgreSQL(
            model_name="outcome", name="outcome_search_idx", fields=["title", "text"]
        ),
    ]
