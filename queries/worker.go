package queries

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

// This file runs users' queries in a process of their own. DuckDB's
// memory_limit bounds what its buffer manager holds, not the vectors a
// query computes: SELECT strlen(repeat(i::VARCHAR, 1000000)) FROM
// range(1000) t(i) answers 1,000 small numbers and takes 2.9 GB on the
// way, range(10000000) 1.2 GB. No cap on the result reaches that memory,
// so the dashboard runs each console query in a worker, a copy of its own
// binary whose data segment the kernel caps (RLIMIT_DATA): a query that
// needs more fails or ends the worker, and the server goes on.

// workerEnv, when set in a process's environment, makes
// RunSandboxWorkerIfAsked serve one query on stdin and stdout and exit.
const workerEnv = "POLICYLENS_SANDBOX_WORKER"

// DefaultWorkerMemory is the data segment a query's worker may take: with
// the binary's code it keeps the worker under 1 GB resident.
const DefaultWorkerMemory int64 = 800 << 20

// SandboxWorker runs users' queries in worker processes (see
// Store.UseWorker): Path is a binary whose main, or TestMain, calls
// RunSandboxWorkerIfAsked first; Memory caps each worker's data segment
// (DefaultWorkerMemory when 0).
type SandboxWorker struct {
	Path   string
	Memory int64
}

// workerRequest is what the server sends a worker on its stdin.
type workerRequest struct {
	DB     string
	Query  string
	Limits SandboxLimits
	Memory int64
}

// RunSandboxWorkerIfAsked serves one query as a worker and exits when the
// process was started as one (by SandboxWorker); otherwise it returns at
// once. Call it first in main and in TestMain.
func RunSandboxWorkerIfAsked() {
	if os.Getenv(workerEnv) == "" {
		return
	}
	os.Exit(serveWorker(os.Stdin, os.Stdout))
}

// serveWorker reads the request, caps this process's memory, runs the
// query and writes its frames; the exit status says only whether the
// frames could be written.
func serveWorker(in io.Reader, out io.Writer) int {
	bw := bufio.NewWriterSize(out, 64<<10)
	fw := &frameWriter{w: bw}
	var req workerRequest
	if err := json.NewDecoder(io.LimitReader(in, 4<<20)).Decode(&req); err != nil {
		fw.fail(fmt.Errorf("sandbox worker: read request: %w", err))
		return fw.close()
	}
	if req.Memory > 0 {
		lim := syscall.Rlimit{Cur: uint64(req.Memory), Max: uint64(req.Memory)}
		if err := syscall.Setrlimit(syscall.RLIMIT_DATA, &lim); err != nil {
			fw.fail(fmt.Errorf("sandbox worker: cap memory: %w", err))
			return fw.close()
		}
	}
	ctx := context.Background()
	db, err := openStoreDB(ctx, req.DB, SandboxMemoryLimit, 1)
	if err != nil {
		fw.fail(fmt.Errorf("open database %s for queries: %w", req.DB, err))
		return fw.close()
	}
	defer db.Close()
	rs, err := OpenSandboxed(ctx, db, req.Query, req.Limits)
	if err != nil {
		fw.fail(err)
		return fw.close()
	}
	defer rs.Close()
	fw.elapsed = rs.Elapsed()
	if _, err := rs.Copy(fw); err != nil {
		fw.fail(err)
	}
	return fw.close()
}

// Frames a worker writes: the header, rows, the end (with the cut), or
// an error in place of any of them.
const (
	frameBegin byte = 'B'
	frameRow   byte = 'R'
	frameEnd   byte = 'E'
	frameError byte = 'X'
)

// Kinds of error a worker reports, so that the server's errors wrap the
// same sentinel errors as in-process ones.
const (
	errKindOther byte = iota
	errKindRefused
	errKindTimeout
	errKindCanceled
)

// frameWriter is the worker's RowWriter: it writes frames, and counts
// the values' bytes for the byte cap as the collector does.
type frameWriter struct {
	w       *bufio.Writer
	bytes   int64
	elapsed time.Duration
	err     error
	scratch []byte
}

func (f *frameWriter) Begin(columns, types []string) error {
	f.w.WriteByte(frameBegin)
	f.varint(int64(f.elapsed))
	f.strings(columns)
	f.strings(types)
	return f.err
}

func (f *frameWriter) Row(vals []any) error {
	f.w.WriteByte(frameRow)
	f.uvarint(uint64(len(vals)))
	for _, v := range vals {
		f.bytes += valueSize(v)
		f.value(v)
	}
	return f.err
}

func (f *frameWriter) End(cut *Cut) error {
	f.w.WriteByte(frameEnd)
	if cut == nil {
		f.w.WriteByte(0)
		return f.err
	}
	f.w.WriteByte(1)
	f.varint(cut.Rows)
	f.varint(cut.Limit)
	f.string(cut.Reason)
	return f.err
}

func (f *frameWriter) Written() int64 { return f.bytes }

// fail writes err as the last frame.
func (f *frameWriter) fail(err error) {
	kind := errKindOther
	switch {
	case errors.Is(err, ErrQueryRefused):
		kind = errKindRefused
	case errors.Is(err, ErrQueryTimeout):
		kind = errKindTimeout
	case errors.Is(err, context.Canceled):
		kind = errKindCanceled
	}
	f.w.WriteByte(frameError)
	f.w.WriteByte(kind)
	f.string(err.Error())
}

func (f *frameWriter) close() int {
	if err := f.w.Flush(); err != nil || f.err != nil {
		return 1
	}
	return 0
}

func (f *frameWriter) uvarint(n uint64) {
	f.scratch = binary.AppendUvarint(f.scratch[:0], n)
	if _, err := f.w.Write(f.scratch); err != nil && f.err == nil {
		f.err = err
	}
}

func (f *frameWriter) varint(n int64) {
	f.scratch = binary.AppendVarint(f.scratch[:0], n)
	if _, err := f.w.Write(f.scratch); err != nil && f.err == nil {
		f.err = err
	}
}

func (f *frameWriter) string(s string) {
	f.uvarint(uint64(len(s)))
	if _, err := f.w.WriteString(s); err != nil && f.err == nil {
		f.err = err
	}
}

func (f *frameWriter) strings(ss []string) {
	f.uvarint(uint64(len(ss)))
	for _, s := range ss {
		f.string(s)
	}
}

// Tags of the printable values (see printableValue) in a frame.
const (
	tagNil byte = iota
	tagFalse
	tagTrue
	tagInt
	tagUint
	tagFloat
	tagString
	tagNumber
	tagList
	tagObject
)

func (f *frameWriter) value(v any) {
	switch x := v.(type) {
	case nil:
		f.w.WriteByte(tagNil)
	case bool:
		if x {
			f.w.WriteByte(tagTrue)
		} else {
			f.w.WriteByte(tagFalse)
		}
	case int64:
		f.w.WriteByte(tagInt)
		f.varint(x)
	case uint64:
		f.w.WriteByte(tagUint)
		f.uvarint(x)
	case float64:
		f.w.WriteByte(tagFloat)
		f.uvarint(math.Float64bits(x))
	case string:
		f.w.WriteByte(tagString)
		f.string(x)
	case json.Number:
		f.w.WriteByte(tagNumber)
		f.string(string(x))
	case []any:
		f.w.WriteByte(tagList)
		f.uvarint(uint64(len(x)))
		for _, e := range x {
			f.value(e)
		}
	case NestedObject:
		f.w.WriteByte(tagObject)
		f.uvarint(uint64(len(x)))
		for _, fld := range x {
			f.string(fld.Key)
			f.value(fld.Value)
		}
	default:
		f.w.WriteByte(tagString)
		f.string(FormatValue(x))
	}
}

// frameReader reads a worker's frames.
type frameReader struct{ r *bufio.Reader }

func (f frameReader) uvarint() (uint64, error) { return binary.ReadUvarint(f.r) }
func (f frameReader) varint() (int64, error)   { return binary.ReadVarint(f.r) }

func (f frameReader) string() (string, error) {
	n, err := f.uvarint()
	if err != nil {
		return "", err
	}
	if n > 1<<31 {
		return "", fmt.Errorf("sandbox worker: a string of %d bytes", n)
	}
	var b strings.Builder
	b.Grow(int(n))
	if _, err := io.CopyN(&b, f.r, int64(n)); err != nil {
		return "", err
	}
	return b.String(), nil
}

func (f frameReader) strings() ([]string, error) {
	n, err := f.uvarint()
	if err != nil {
		return nil, err
	}
	if n > 1<<20 {
		return nil, fmt.Errorf("sandbox worker: %d columns", n)
	}
	out := make([]string, n)
	for i := range out {
		if out[i], err = f.string(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (f frameReader) value() (any, error) {
	tag, err := f.r.ReadByte()
	if err != nil {
		return nil, err
	}
	switch tag {
	case tagNil:
		return nil, nil
	case tagFalse:
		return false, nil
	case tagTrue:
		return true, nil
	case tagInt:
		return f.varint()
	case tagUint:
		return f.uvarint()
	case tagFloat:
		b, err := f.uvarint()
		return math.Float64frombits(b), err
	case tagString:
		return f.string()
	case tagNumber:
		s, err := f.string()
		return json.Number(s), err
	case tagList:
		n, err := f.uvarint()
		if err != nil {
			return nil, err
		}
		out := make([]any, 0, min(n, 1<<16))
		for range n {
			v, err := f.value()
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case tagObject:
		n, err := f.uvarint()
		if err != nil {
			return nil, err
		}
		out := make(NestedObject, 0, min(n, 1<<16))
		for range n {
			k, err := f.string()
			if err != nil {
				return nil, err
			}
			v, err := f.value()
			if err != nil {
				return nil, err
			}
			out = append(out, NestedField{k, v})
		}
		return out, nil
	}
	return nil, fmt.Errorf("sandbox worker: unknown value tag %d", tag)
}

// workerError is an error a worker reported, wrapping the sentinel of its
// kind so that errors.Is works as for an in-process query.
type workerError struct {
	msg  string
	kind error
}

func (e *workerError) Error() string { return e.msg }
func (e *workerError) Unwrap() error { return e.kind }

func (f frameReader) error() error {
	kind, err := f.r.ReadByte()
	if err != nil {
		return err
	}
	msg, err := f.string()
	if err != nil {
		return err
	}
	e := &workerError{msg: msg}
	switch kind {
	case errKindRefused:
		e.kind = ErrQueryRefused
	case errKindTimeout:
		e.kind = ErrQueryTimeout
	case errKindCanceled:
		e.kind = context.Canceled
	}
	return e
}

// workerProc is a running worker, from the server's side.
type workerProc struct {
	cmd    *exec.Cmd
	out    io.ReadCloser
	rd     frameReader
	stderr *headBuffer
	memory int64
	cols   []string
	types  []string
}

// headBuffer keeps the first bytes written to it: the start of a
// worker's stderr, where a crash says why.
type headBuffer struct{ b []byte }

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := 4<<10 - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// openWorker starts a worker for query on the database at path and reads
// its header or its error.
func openWorker(ctx context.Context, w SandboxWorker, path, query string, lim SandboxLimits) (*SandboxRows, error) {
	if w.Memory == 0 {
		w.Memory = DefaultWorkerMemory
	}
	req, err := json.Marshal(workerRequest{DB: path, Query: query, Limits: lim, Memory: w.Memory})
	if err != nil {
		return nil, err
	}
	cancel := func() {}
	if lim.Timeout > 0 {
		// The worker stops the query itself; this is for a query DuckDB
		// does not interrupt (one huge value).
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout+workerGrace)
	}
	rs, err := startWorker(ctx, w, req, lim)
	if err != nil {
		cancel()
		return nil, err
	}
	rs.cancel = cancel
	return rs, nil
}

// workerGrace is how long after its time limit a worker is killed.
const workerGrace = 5 * time.Second

// startWorker starts the worker and reads its first frame.
func startWorker(ctx context.Context, w SandboxWorker, req []byte, lim SandboxLimits) (*SandboxRows, error) {
	cmd := exec.CommandContext(ctx, w.Path)
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	cmd.Stdin = bytes.NewReader(req)
	p := &workerProc{cmd: cmd, stderr: &headBuffer{}, memory: w.Memory}
	cmd.Stderr = p.stderr
	var err error
	if p.out, err = cmd.StdoutPipe(); err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("run query: start the sandbox worker: %w", err)
	}
	p.rd = frameReader{bufio.NewReaderSize(p.out, 64<<10)}
	rs := &SandboxRows{parent: ctx, ctx: ctx, cancel: func() {}, lim: lim, proc: p}
	tag, err := p.rd.r.ReadByte()
	if err != nil {
		return nil, p.failed(ctx, err)
	}
	switch tag {
	case frameError:
		err := p.rd.error()
		p.wait()
		return nil, err
	case frameBegin:
		el, err := p.rd.varint()
		if err == nil {
			p.cols, err = p.rd.strings()
		}
		if err == nil {
			p.types, err = p.rd.strings()
		}
		if err != nil {
			return nil, p.failed(ctx, err)
		}
		rs.elapsed = time.Duration(el)
		return rs, nil
	}
	return nil, p.failed(ctx, fmt.Errorf("sandbox worker: unexpected frame %q", tag))
}

// failed ends the worker after its output broke off and says why: the
// request went away, or the worker died, most likely for want of the
// memory it may take (its only work is the query).
func (p *workerProc) failed(ctx context.Context, readErr error) error {
	p.kill()
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("%w (the query's time ran out)", ErrQueryTimeout)
		}
		return fmt.Errorf("query canceled: %w", ctx.Err())
	}
	why := p.exitReason(readErr)
	if slices.ContainsFunc(memoryMarks, func(m string) bool { return strings.Contains(why, m) }) {
		return fmt.Errorf("query failed: Out of Memory Error: the query needed more than the %s a query may take; its process was stopped (%s)",
			byteSize(p.memory), why)
	}
	// Under its memory cap, C code that finds no memory may crash
	// instead of saying so.
	return fmt.Errorf("query failed: Out of Memory Error: the query's process ended before its result, most likely for want of memory (a query may take %s): %s",
		byteSize(p.memory), why)
}

// memoryMarks are what a worker that ran out of its memory says as it
// dies: Go's and C++'s words, and a thread that found no room for its
// stack.
var memoryMarks = []string{"out of memory", "bad_alloc", "cannot allocate", "pthread_create failed", "signal: killed"}

// exitReason says how the worker ended, for an error message: its exit
// status and the line of its stderr that says why.
func (p *workerProc) exitReason(readErr error) string {
	why := ""
	if state := p.cmd.ProcessState; state != nil {
		why = state.String()
	}
	lines := strings.Split(strings.TrimSpace(string(p.stderr.b)), "\n")
	line := lines[0]
	for _, l := range lines {
		if strings.Contains(l, "fatal error") || strings.Contains(l, "terminate") || slices.ContainsFunc(memoryMarks, func(m string) bool { return strings.Contains(l, m) }) {
			line = l
			break
		}
	}
	if line = strings.TrimSpace(line); line != "" && len(line) < 300 {
		why += ": " + line
	}
	if why == "" && readErr != nil {
		why = readErr.Error()
	}
	return strings.TrimPrefix(why, ": ")
}

// copyTo reads the worker's rows into w (see SandboxRows.Copy), stopping
// at the byte cap of w itself.
func (p *workerProc) copyTo(ctx context.Context, w RowWriter, lim SandboxLimits) (*Cut, error) {
	if err := w.Begin(p.cols, p.types); err != nil {
		return nil, err
	}
	var n int64
	var vals []any
	for {
		tag, err := p.rd.r.ReadByte()
		if err != nil {
			return nil, p.failed(ctx, err)
		}
		switch tag {
		case frameRow:
			if lim.MaxBytes > 0 && w.Written() >= lim.MaxBytes {
				p.kill()
				cut := &Cut{Rows: n, Bytes: w.Written(), Reason: CutBytes, Limit: lim.MaxBytes}
				return cut, w.End(cut)
			}
			k, err := p.rd.uvarint()
			if err != nil {
				return nil, p.failed(ctx, err)
			}
			if k != uint64(len(p.cols)) {
				return nil, p.failed(ctx, fmt.Errorf("sandbox worker: a row of %d values", k))
			}
			vals = vals[:0]
			for range k {
				v, err := p.rd.value()
				if err != nil {
					return nil, p.failed(ctx, err)
				}
				vals = append(vals, v)
			}
			if err := w.Row(vals); err != nil {
				p.kill()
				return nil, err
			}
			n++
		case frameEnd:
			has, err := p.rd.r.ReadByte()
			if err != nil {
				return nil, p.failed(ctx, err)
			}
			var cut *Cut
			if has == 1 {
				cut = &Cut{}
				if cut.Rows, err = p.rd.varint(); err == nil {
					if cut.Limit, err = p.rd.varint(); err == nil {
						cut.Reason, err = p.rd.string()
					}
				}
				if err != nil {
					return nil, p.failed(ctx, err)
				}
				cut.Bytes = w.Written()
			}
			p.wait()
			return cut, w.End(cut)
		case frameError:
			err := p.rd.error()
			p.wait()
			return nil, err
		default:
			return nil, p.failed(ctx, fmt.Errorf("sandbox worker: unexpected frame %q", tag))
		}
	}
}

// kill ends the worker at once and waits for it.
func (p *workerProc) kill() {
	if p.cmd.Process != nil {
		p.cmd.Process.Kill()
	}
	p.wait()
}

// wait reaps the worker.
func (p *workerProc) wait() {
	if p.cmd.ProcessState == nil {
		io.Copy(io.Discard, p.out)
		p.cmd.Wait()
	}
}
