-- 0002: generated decision numbers come from a counter per year that only
-- goes up, so that the identification of a deleted proposal is never
-- handed out again.
CREATE TABLE besluit_volgnummer (
	jaar INTEGER PRIMARY KEY,
	laatste BIGINT NOT NULL
);
INSERT INTO besluit_volgnummer (jaar, laatste)
	SELECT gegenereerd_jaar, max(gegenereerd_nummer) FROM besluit
	WHERE gegenereerd_jaar IS NOT NULL GROUP BY gegenereerd_jaar;
