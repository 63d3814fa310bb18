package meta

import (
	"embed"

	"github.com/policylens/policylens/loader/internal/codeversion"
)

//go:embed *.go
var ownSource embed.FS

// CodeVersion is a digest of this package's source, taken at build time:
// the loader's resources version includes it and the digest of the word
// lists the load reads (data/meta_lexicon.yaml or its built-in copy), so a
// binary whose meta code changed, or an edited list, rebuilds what was
// loaded before.
var CodeVersion = codeversion.Digest(ownSource)
