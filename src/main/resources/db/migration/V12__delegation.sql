-- A co-chair may delegate the approval for their party to another member of the group, of the
-- same party. The delegate then approves, disputes and reopens for the party, as the co-chair.
alter table membership add column approves boolean not null default false;
