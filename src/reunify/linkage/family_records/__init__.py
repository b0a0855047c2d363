"""From linked extract records to the family records every page, the gate and the reports
read: persons, family units and memberships, custody, separations, reunions and
historical elections.

Linkage says which records are one person and which persons are parent and child; this
package writes what the records then say about those people into the `families` and
`elections` tables, each row naming the extract row it was read from (`source_record`),
with ids derived from that name so that a second run refreshes rows in place instead of
adding them again. Only accepted parent-child links make a family: links still in review
stay out of the record (issue 5, "below a confidence threshold a link goes to review").
"""
