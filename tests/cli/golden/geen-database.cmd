ambt samenwerking list --db niet-er.db
