// Package text splits a notice body into sentences and tells which part of
// the notice each sentence sits in: the review of the past year, the plan
// for the coming year, or other matter (boilerplate, page chrome, the list
// of those attending).
//
// Offsets are counted in runes of the body, zero-based, end exclusive, so
// that []rune(body)[s.Start:s.End] == s.Text for every sentence.
package text

import (
	"unicode"
	"unicode/utf8"
)

// Part says which part of a notice a sentence belongs to.
type Part string

// The parts of a notice.
const (
	// Review is the account of the past (reviewed) year's work.
	Review Part = "review"
	// Plan is the work set out for the coming (plan) year.
	Plan Part = "plan"
	// Other is everything else: headers, chrome, attendance, closing words.
	Other Part = "other"
)

// Sentence is one sentence of a body with its position.
type Sentence struct {
	// No is the 0-based position of the sentence in the document.
	No int
	// Start and End are rune offsets in the body, end exclusive.
	Start, End int
	// Text is the sentence, trimmed of surrounding spaces.
	Text string
	// Part is the part of the notice the sentence sits in.
	Part Part
	// Para is the 0-based paragraph (line) the sentence starts in.
	Para int
}

// Years are the years a notice reviews and plans for; 0 means unknown.
type Years struct {
	Reviewed, Plan int
}

// terminators end a sentence.
func isTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';', '｡':
		return true
	}
	return false
}

// isCloser reports runes that stay with the sentence they close: closing
// quotes and brackets, and further terminators (……, ？！).
func isCloser(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '】', '》', '〕', ']', '…':
		return true
	}
	return isTerminator(r)
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f'
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

// Split cuts body into sentences on 。！？；!?; and line breaks, keeping
// closing quotes and brackets with the sentence they end, trimming spaces
// (with exact offsets) and dropping empty sentences. Each sentence is given
// the part of the notice it sits in (parts.go).
func Split(body string, y Years) []Sentence {
	// One pass over the bytes, counting runes as it goes: no []rune copy of
	// the body, and each sentence's text is a slice of the body, so a long
	// notice costs its own size once, not five times.
	var out []Sentence
	para := 0
	startB, startR := 0, 0 // where the current sentence starts, in bytes and runes
	sentPara := 0
	emit := func(endB, endR int) {
		sB, sR, eB, eR := startB, startR, endB, endR
		for sB < eB {
			r, n := utf8.DecodeRuneInString(body[sB:eB])
			if !isSpace(r) {
				break
			}
			sB, sR = sB+n, sR+1
		}
		for eB > sB {
			r, n := utf8.DecodeLastRuneInString(body[sB:eB])
			if !isSpace(r) {
				break
			}
			eB, eR = eB-n, eR-1
		}
		if eB > sB {
			out = append(out, Sentence{No: len(out), Start: sR, End: eR, Text: body[sB:eB], Para: sentPara})
		}
	}
	iB, iR := 0, 0
	for iB < len(body) {
		r, n := utf8.DecodeRuneInString(body[iB:])
		switch {
		case isLineBreak(r):
			emit(iB, iR)
			startB, startR = iB+n, iR+1
			// \r\n and blank lines count as one paragraph break each line.
			if !(r == '\r' && iB+n < len(body) && body[iB+n] == '\n') {
				para++
			}
			sentPara = para
		case isTerminator(r):
			jB, jR := iB+n, iR+1
			for jB < len(body) {
				c, m := utf8.DecodeRuneInString(body[jB:])
				if !isCloser(c) {
					break
				}
				jB, jR = jB+m, jR+1
			}
			emit(jB, jR)
			startB, startR = jB, jR
			sentPara = para
			iB, iR = jB, jR
			continue
		}
		iB, iR = iB+n, iR+1
	}
	emit(len(body), iR)
	classify(out, y)
	return out
}
