sql DB "ALTER TABLE audit DISABLE TRIGGER audit_geen_wijziging; UPDATE audit SET herkomst = 'elders' WHERE id = 40" && ambt audit controleer --db DB
