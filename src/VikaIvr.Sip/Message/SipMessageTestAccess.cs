using System.Runtime.CompilerServices;

// The parser's fast syntax paths are checked against the full validators, which are internal.
[assembly: InternalsVisibleTo("VikaIvr.Sip.Tests")]
