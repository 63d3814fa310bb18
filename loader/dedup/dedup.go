// Package dedup finds notices that are near-copies of each other: the same
// report reprinted on another site with different page chrome or small
// edits. It estimates the Jaccard similarity of two texts' character
// shingles with MinHash signatures, and finds candidates among many
// signatures with locality-sensitive hashing (bands of the signature).
package dedup

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"math"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"
)

const (
	// Size is the number of hash functions in a signature.
	Size = 64
	// shingle is the length of the character shingles: long enough that
	// two unrelated notices on the same subject share few of them.
	shingle = 5
	// bands × rows = Size. With 16 bands of 4 rows, pairs at Jaccard 0.8 are
	// candidates with probability 1-(1-0.8^4)^16 ≈ 0.9999, pairs at 0.3
	// with probability ≈ 0.12.
	bands = 16
	rows  = Size / bands
)

// Threshold is the estimated similarity from which a notice counts as a
// near-copy of another.
const Threshold = 0.8

// numbersThreshold is how much of their figures two near-copies must share.
// A reprint keeps the dates and numbers of the original; two notices built
// from the same boilerplate (this year's and last year's 绽放杯 launch) do
// not.
const numbersThreshold = 0.8

// Signature is a MinHash signature of a text.
type Signature [Size]uint32

var seed = maphash.MakeSeed()

// salts are fixed so that signatures stored in a database stay comparable
// across runs; maphash's random seed is only used in memory, so the shingle
// hash below is a fixed FNV-style hash instead.
var salts = func() [Size]uint64 {
	var s [Size]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		s[i] = x
	}
	return s
}()

// Of computes the signature of a text over its letters and digits only, so
// that spacing and punctuation do not matter. A text shorter than one
// shingle gets the signature of the whole text.
func Of(text string) Signature {
	_, sig := Fingerprint(text)
	return sig
}

// Fingerprint computes, in one pass and without copying the text, the
// sha256 of its letters and digits (UTF-8; equal for copies that differ
// only in layout and punctuation) and its MinHash signature over the same
// letters and digits.
func Fingerprint(text string) (sum [32]byte, sig Signature) {
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	h := sha256.New()
	var buf [1024]byte
	nb := 0
	var window [shingle]rune // the last shingle letters, as a ring
	count := 0
	for _, r := range text {
		if !isHanUnified(r) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if nb+utf8.UTFMax > len(buf) {
			h.Write(buf[:nb])
			nb = 0
		}
		nb += utf8.EncodeRune(buf[nb:], r)
		window[count%shingle] = r
		count++
		if count >= shingle {
			sig.add(shingleHash(&window, count-shingle, shingle))
		}
	}
	h.Write(buf[:nb])
	if count < shingle {
		// A text shorter than one shingle: the signature of the whole text.
		sig.add(shingleHash(&window, 0, count))
	}
	h.Sum(sum[:0])
	return sum, sig
}

// isHanUnified reports the CJK Unified Ideographs block, every rune of
// which is a letter (TestHanUnifiedAreLetters): most of a notice, tested
// without unicode.IsLetter's search of its tables.
func isHanUnified(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }

// shingleHash is the FNV-1a hash of n letters of the ring, from the
// letter numbered start.
func shingleHash(window *[shingle]rune, start, n int) uint64 {
	var h uint64 = 14695981039346656037
	for j := start; j < start+n; j++ {
		h ^= uint64(window[j%shingle])
		h *= 1099511628211
	}
	return h
}

// add folds one shingle's hash into the signature.
func (s *Signature) add(h uint64) {
	// Two hashes a step: they are independent, and the processor overlaps
	// their multiplications.
	for k := 0; k+1 < Size; k += 2 {
		v0, v1 := uint32(mix(h^salts[k])), uint32(mix(h^salts[k+1]))
		if v0 < s[k] {
			s[k] = v0
		}
		if v1 < s[k+1] {
			s[k+1] = v1
		}
	}
}

// mix is the splitmix64 finaliser: a cheap, well-spread 64-bit hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Similarity estimates the Jaccard similarity of the two texts' shingles.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / Size
}

// Bytes encodes a signature for storage.
func (s *Signature) Bytes() []byte {
	b := make([]byte, 4*Size)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// Decode reads a signature written by Bytes.
func Decode(b []byte) (Signature, error) {
	var s Signature
	if len(b) != 4*Size {
		return s, errors.New("dedup: signature has the wrong length")
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, nil
}

// Numbers lists the distinct runs of ASCII digits in a text, sorted: the
// dates and figures a reprint keeps.
func Numbers(text string) []string {
	seen := map[string]bool{}
	var out []string
	start := -1
	for i := 0; i <= len(text); i++ {
		digit := i < len(text) && text[i] >= '0' && text[i] <= '9'
		switch {
		case digit && start < 0:
			start = i
		case !digit && start >= 0:
			if n := text[start:i]; !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
			start = -1
		}
	}
	sort.Strings(out)
	return out
}

// sameNumbers reports whether two sorted number sets overlap enough.
func sameNumbers(a, b []uint64) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	common, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - common
	return float64(common)/float64(union) >= numbersThreshold
}

// numberSet hashes the numbers of a text to a sorted set of 64-bit values:
// an index of 100,000 documents keeps 8 bytes a number instead of a string.
func numberSet(numbers []string) []uint64 {
	out := make([]uint64, 0, len(numbers))
	for _, n := range numbers {
		var h uint64 = 14695981039346656037
		for i := 0; i < len(n); i++ {
			h ^= uint64(n[i])
			h *= 1099511628211
		}
		out = append(out, mix(h))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Index finds near-copies among the documents added to it.
type Index struct {
	sigs    map[int]*Signature
	nums    map[int][]uint64
	buckets [bands]map[uint64][]int
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	x := &Index{sigs: map[int]*Signature{}, nums: map[int][]uint64{}}
	for i := range x.buckets {
		x.buckets[i] = map[uint64][]int{}
	}
	return x
}

func bandKey(s *Signature, band int) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	var b [4 * rows]byte
	for r := 0; r < rows; r++ {
		binary.LittleEndian.PutUint32(b[4*r:], s[band*rows+r])
	}
	h.Write(b[:])
	return h.Sum64()
}

// Add records the signature and the numbers of document id.
func (x *Index) Add(id int, s Signature, numbers []string) {
	x.sigs[id] = &s
	x.nums[id] = numberSet(numbers)
	for b := range x.buckets {
		k := bandKey(&s, b)
		x.buckets[b][k] = append(x.buckets[b][k], id)
	}
}

// Has reports whether document id is indexed.
func (x *Index) Has(id int) bool {
	_, ok := x.sigs[id]
	return ok
}

// BandSlices returns the bytes of each band of s as Bytes lays them out:
// two signatures that share one are candidates for Nearest.
func (s *Signature) BandSlices() [][]byte {
	b := s.Bytes()
	out := make([][]byte, bands)
	for i := range out {
		out[i] = b[4*rows*i : 4*rows*(i+1)]
	}
	return out
}

// Remove forgets document id.
func (x *Index) Remove(id int) {
	s, ok := x.sigs[id]
	if !ok {
		return
	}
	delete(x.sigs, id)
	delete(x.nums, id)
	for b := range x.buckets {
		k := bandKey(s, b)
		ids := x.buckets[b][k]
		for i, v := range ids {
			if v == id {
				ids = append(ids[:i], ids[i+1:]...)
				break
			}
		}
		if len(ids) == 0 {
			delete(x.buckets[b], k)
		} else {
			x.buckets[b][k] = ids
		}
	}
}

// Nearest returns the most similar indexed document at or above Threshold
// that shares the text's numbers, preferring the smallest id on ties, or
// ok=false.
func (x *Index) Nearest(s Signature, numbers []string) (id int, sim float64, ok bool) {
	seen := map[int]bool{}
	nums := numberSet(numbers)
	for b := range x.buckets {
		for _, cand := range x.buckets[b][bandKey(&s, b)] {
			if seen[cand] {
				continue
			}
			seen[cand] = true
			v := Similarity(&s, x.sigs[cand])
			if v >= Threshold && sameNumbers(nums, x.nums[cand]) && (!ok || v > sim || (v == sim && cand < id)) {
				id, sim, ok = cand, v, true
			}
		}
	}
	return id, sim, ok
}
