// Package codeversion digests a package's own source, embedded at build
// time, so that the loader's version of its processing is derived from the
// code that does it rather than from a constant someone has to remember to
// bump: a binary built from changed code (or data files compiled into it)
// rebuilds the rows an older binary wrote.
package codeversion

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Digest is a short hex digest of every file in fsys except tests
// (*_test.go), in name order.
func Digest(fsys fs.FS) string {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(p, "_test.go") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		panic(fmt.Sprintf("codeversion: %v", err))
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			panic(fmt.Sprintf("codeversion: %v", err))
		}
		fmt.Fprintf(h, "%s %d\n", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
