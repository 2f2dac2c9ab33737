-- 0015: the generation per family of data, so that a write discards only
-- the cached answers that may show it. 'algemeen' is the counter of 0003
-- (everything but a municipality's appointments); 'afspraken:<CBS code>'
-- counts the writes to one municipality's locations, catalogue, roster
-- and appointments (a row appears with the family's first write).
CREATE TABLE generatie_nieuw (
	familie TEXT COLLATE "C" PRIMARY KEY
		CHECK (length(familie) BETWEEN 1 AND 64),
	n BIGINT NOT NULL
);
INSERT INTO generatie_nieuw (familie, n)
	SELECT 'algemeen', coalesce(max(n), 1) FROM generatie;
DROP TABLE generatie;
ALTER TABLE generatie_nieuw RENAME TO generatie;
ALTER TABLE generatie RENAME CONSTRAINT generatie_nieuw_pkey TO generatie_pkey;
ALTER TABLE generatie RENAME CONSTRAINT generatie_nieuw_familie_check
	TO generatie_familie_check;
