namespace DockFlare.Host.Api;

/// <summary>What an adopt request came to: the adopted objects, or why nothing was adopted (with the API's status and code).</summary>
/// <param name="Adopted">One line per adopted object (empty: nothing was in the way); null when refused.</param>
/// <param name="Status">The HTTP status the API answers.</param>
/// <param name="Error">The API's error code when refused.</param>
/// <param name="Message">Why it was refused.</param>
internal sealed record AdoptResult(IReadOnlyList<string>? Adopted, int Status, string? Error, string? Message)
{
    public static AdoptResult Done(IReadOnlyList<string> adopted) => new(adopted, StatusCodes.Status200OK, null, null);

    public static AdoptResult Refused(int status, string error, string message) => new(null, status, error, message);
}
