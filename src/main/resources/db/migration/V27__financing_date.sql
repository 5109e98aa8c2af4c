-- A financing line's date: the day it reached its status (pledged, committed or disbursed on).
-- Optional: the lines stored before have none, and keep the agreed fingerprints they had.
alter table project_financing add column dated_on date;
