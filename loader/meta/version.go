package meta

import (
	"embed"

	"github.com/policylens/policylens/loader/internal/codeversion"
)

//go:embed *.go
var ownSource embed.FS

// CodeVersion is a digest of this package's source and compiled-in data,
// taken at build time: the loader's resources version includes it, so a
// binary whose meta code changed rebuilds what an older one loaded.
var CodeVersion = codeversion.Digest(ownSource)
