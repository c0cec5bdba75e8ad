// Search and the sorts a person expects: a folded, searchable text per image and a display
// name to sort by, both kept current by the database itself, with indexes for every sort.
//
// Why triggers: an image's searchable text joins its own fields (filename, title, alt, tags) with
// its album's name. A BEFORE trigger on images recomputes it when one of those columns is written
// (one album lookup by primary key, so an insert or an edit costs the same at 100,000 images as at
// 10); an AFTER trigger on albums rewrites it for the images of a renamed album only (found
// through images_album_idx: the cost is the album's size, never the account's). Deleting an album
// sets album_id to null through the foreign key, which fires the images trigger. Every writer (the
// API, bulk SQL, future imports) gets the same text without having to remember it.
//
// Folding: lower(unaccent(text)). unaccent() is only STABLE (its dictionary could change), so an
// index cannot use it; image_search_fold wraps it with the dictionary named explicitly and is
// declared IMMUTABLE, which is the documented way to index it. Fields are joined by a line break,
// which no search term can hold (safeText refuses control characters), so a match never spans two
// fields.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`
    create function image_search_fold(text) returns text
    language sql immutable parallel safe strict
    -- The schema the extension went into, fixed now: a dump restored with an empty search_path
    -- still finds the dictionary.
    set search_path from current
    as $$ select lower(unaccent('unaccent'::regdictionary, $1)) $$
  `.execute(db);
  await sql`
    create function image_search_text(filename text, title text, alt text, tags text[], album text)
    returns text language sql immutable parallel safe
    as $$ select image_search_fold(concat_ws(E'\n', filename, title, alt,
                                             array_to_string(tags, E'\n'), album)) $$
  `.execute(db);

  await sql`alter table images add column search_text text not null default ''`.execute(db);
  // "C" collation: byte order of an already folded name is A–Z for a person, the same on every
  // server whatever its locale, and lets a btree serve it.
  await sql`alter table images add column sort_name text collate "C" not null default ''`.execute(
    db,
  );

  await sql`
    create function images_search_fields() returns trigger language plpgsql as $$
    begin
      new.search_text := image_search_text(new.filename, new.title, new.alt, new.tags,
        (select name from albums where id = new.album_id));
      new.sort_name := image_search_fold(coalesce(nullif(new.title, ''), new.filename));
      return new;
    end $$
  `.execute(db);
  await sql`
    create trigger images_search_fields
    before insert or update of filename, title, alt, tags, album_id on images
    for each row execute function images_search_fields()
  `.execute(db);
  await sql`
    create function albums_search_rename() returns trigger language plpgsql as $$
    begin
      update images
         set search_text = image_search_text(filename, title, alt, tags, new.name)
       where album_id = new.id;
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger albums_search_rename
    after update of name on albums
    for each row when (old.name is distinct from new.name)
    execute function albums_search_rename()
  `.execute(db);

  // Existing rows: writing a watched column runs the trigger.
  await sql`update images set filename = filename`.execute(db);

  await sql`create index images_album_idx on images (album_id)`.execute(db);
  await sql`create index images_search_trgm_idx on images using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index images_tags_idx on images using gin (tags)`.execute(db);
  // Keyset pagination: one btree per sort, owner first; each is also read backwards for the
  // opposite order (name-desc, smallest). The ones without owner serve admins' "everyone".
  await sql`drop index images_owner_name_idx`.execute(db);
  await sql`create index images_owner_sort_name_idx on images (owner_id, sort_name, id)`.execute(
    db,
  );
  await sql`create index images_sort_name_idx on images (sort_name, id)`.execute(db);
  await sql`create index images_size_idx on images (size, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'images_album_idx',
    'images_search_trgm_idx',
    'images_tags_idx',
    'images_owner_sort_name_idx',
    'images_sort_name_idx',
    'images_size_idx',
  ]) {
    await sql`drop index if exists ${sql.ref(index)}`.execute(db);
  }
  await sql`create index images_owner_name_idx on images (owner_id, filename, id)`.execute(db);
  await sql`drop trigger albums_search_rename on albums`.execute(db);
  await sql`drop trigger images_search_fields on images`.execute(db);
  await sql`drop function albums_search_rename()`.execute(db);
  await sql`drop function images_search_fields()`.execute(db);
  await sql`alter table images drop column search_text, drop column sort_name`.execute(db);
  await sql`drop function image_search_text(text, text, text, text[], text)`.execute(db);
  await sql`drop function image_search_fold(text)`.execute(db);
}
