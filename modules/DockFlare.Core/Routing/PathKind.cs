namespace DockFlare.Core.Routing;

/// <summary>How a path was written, which decides how it is emitted and ordered.</summary>
internal enum PathKind
{
    /// <summary>A regular expression, passed through; sorts first among paths of equal literal length.</summary>
    Regex,

    /// <summary>A plain path (<c>/api</c>), emitted as <c>^/api(?:/|$)</c>.</summary>
    Plain,

    /// <summary>A glob (<c>/api/*</c>), emitted as a prefix <c>^/api/</c>.</summary>
    Glob,
}
