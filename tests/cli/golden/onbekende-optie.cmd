ambt samenwerking list --kleur rood --db DB
