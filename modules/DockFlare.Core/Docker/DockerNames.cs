using System.Text.RegularExpressions;

namespace DockFlare.Core.Docker;

/// <summary>Docker's naming rules for the settings that name images and networks.</summary>
public static partial class DockerNames
{
    /// <summary>Whether <paramref name="value"/> is an image reference: <c>[registry[:port]/]path[:tag][@sha256:digest]</c>.</summary>
    public static bool IsImageReference(string? value) => value is not null && ImageReference().IsMatch(value);

    /// <summary>Whether <paramref name="value"/> is a valid Docker network (or container) name.</summary>
    public static bool IsNetworkName(string? value) => value is not null && NetworkName().IsMatch(value);

    // Docker's reference grammar, simplified: the path is lower-case, the tag at most 128 characters.
    [GeneratedRegex(@"^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageReference();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex NetworkName();
}
