ambt samenwerking lijst --db niet-er.db
