// Package dbfile is the protocol by which one loader and any number of
// readers share a DuckDB file without ever locking each other out.
//
// # Why
//
// DuckDB lets one process open a file read-write, and while it does, no
// other process may open it at all, read-only included; read-only
// processes may share it among themselves. A loader that wrote the live
// file would lock the dashboard, `policylens sql` and the DuckDB CLI out
// for the whole load, and a load killed half-way would leave readers a file
// to recover.
//
// # The protocol
//
//  1. Lock. A loader takes an exclusive flock on FILE.lock (Lock) for the
//     whole load, so two loads never build on the same file at once; the
//     second waits. Readers never take it.
//  2. Temporary file. Under the lock, the loader removes what killed loads
//     left (RemoveStale) and writes the new database under a temporary name
//     beside the live one (Temp): a new file for a rebuild, a copy of the
//     live file for an incremental load.
//  3. Rename. When the temporary file is complete, checkpointed (no WAL
//     beside it) and flushed to disk, Publish renames it over the live name
//     in one atomic step and flushes the directory. A load killed at any
//     moment before leaves the previous file whole; after, the new one.
//     The replaced file is kept as the Spare: a small load later renames
//     it to its temporary name and brings it up to date from the live
//     file's list of changes (one generation behind: what the last load
//     changed), which costs what changed instead of a copy of the whole
//     database. It cannot do so while a reader still has the spare open
//     (DuckDB refuses to open a file read-write that another process
//     reads), and then copies the live file as before.
//  4. Readers reopen. A reader opens the file read-only and keeps its
//     handle; the old inode stays readable after the rename, so queries in
//     flight finish on the data they started with. Readers compare the
//     Ident of the path with the one they opened (Ident.Same) and, when it
//     changed, open the new file and retire the old handle once its last
//     query is done. A reader that cannot open the new file keeps serving
//     the old one and must say so to its user.
package dbfile
