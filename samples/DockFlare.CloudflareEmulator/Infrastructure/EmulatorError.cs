namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>Thrown by endpoint logic to answer with a Cloudflare error envelope.</summary>
internal sealed class EmulatorError : Exception
{
    public EmulatorError()
        : this(500, new CfError(10001, "internal error"))
    {
    }

    public EmulatorError(string message)
        : this(400, new CfError(10001, message))
    {
    }

    public EmulatorError(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Errors = [new CfError(10001, message)];
    }

    public EmulatorError(int status, params CfError[] errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Code} {e.Message}")))
    {
        Status = status;
        Errors = errors;
    }

    public int Status { get; }

    public IReadOnlyList<CfError> Errors { get; }

    public static EmulatorError BadRequest(int code, string message) => new(400, new CfError(code, message));

    public static EmulatorError NotFound(int code, string message) => new(404, new CfError(code, message));

    public static EmulatorError Conflict(int code, string message) => new(409, new CfError(code, message));

    public static EmulatorError CouldNotRoute(string path) =>
        new(400, new CfError(7003, $"Could not route to {path}, perhaps your object identifier is invalid?"), new CfError(7000, "No route for that URI"));
}
