-- 0003: a counter that every committed write raises by one, so that
-- readers (the server's response cache, other server processes) can tell
-- cheaply whether anything changed.
CREATE TABLE generatie (
	n BIGINT NOT NULL
);
INSERT INTO generatie (n) VALUES (1);
