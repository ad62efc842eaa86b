from django.db import migrations

from baliprocess.lib.migrations import AddSearchIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_document_group_historicaldocument_group_and_more"),
    ]

    operations = [
        AddSearchIndexOnPostgreSQL(
            model_name="meeting", name="meeting_search_idx", fields=["title", "summary", "city"]
        ),
        AddSearchIndexOnPostgreSQL(
            model_name="document", name="document_search_idx", fields=["title", "summary", "text"]
        ),
    ]
