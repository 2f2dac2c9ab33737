ambt samenwerking lijst --kleur rood --db DB
