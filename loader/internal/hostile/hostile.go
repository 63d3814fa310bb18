// Package hostile writes the files a careless user or an attacker leaves in
// a data folder, for the loader's tests: .docx zip bombs built cheaply,
// without compressing a gigabyte.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"os"
	"strings"
)

// BombOptions says what a zip bomb holds and claims.
type BombOptions struct {
	// Size is how many bytes word/document.xml really inflates to (rounded
	// up to whole MiB).
	Size int64
	// Declared is the uncompressed size written in the archive; negative
	// means the truth. Anything else makes an archive that lies.
	Declared int64
}

// DocxBomb writes a .docx whose word/document.xml is one text run of
// opts.Size bytes: the worst case for an XML reader, a single token. It
// deflates one MiB once and repeats the compressed block, so a 1 GiB bomb
// is written in well under a second and is about 1 MB on disk.
func DocxBomb(path string, opts BombOptions) error {
	const chunk = 1 << 20
	head := `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`
	first := []byte(head + strings.Repeat("a", chunk-len(head)))
	rest := bytes.Repeat([]byte("a"), chunk)
	n := (opts.Size + chunk - 1) / chunk

	// Each block is deflated by a fresh writer and ends with a sync flush,
	// so it refers to nothing before it and ends on a byte boundary: the
	// blocks concatenate into one valid stream.
	block := func(data []byte) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.BestCompression)
		fw.Write(data)
		fw.Flush()
		return b.Bytes()
	}
	cFirst, cRest := block(first), block(rest)
	var end bytes.Buffer
	fw, _ := flate.NewWriter(&end, flate.BestCompression)
	fw.Close()

	crc := crc32.Update(0, crc32.IEEETable, first)
	for i := int64(1); i < n; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, rest)
	}
	usize := n * chunk
	declared := opts.Declared
	if declared < 0 {
		declared = usize
	}
	csize := int64(len(cFirst)) + (n-1)*int64(len(cRest)) + int64(end.Len())

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(csize), UncompressedSize64: uint64(declared),
	})
	if err != nil {
		return err
	}
	if _, err := w.Write(cFirst); err != nil {
		return err
	}
	for i := int64(1); i < n; i++ {
		if _, err := w.Write(cRest); err != nil {
			return err
		}
	}
	if _, err := io.Copy(w, &end); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
