namespace DockFlare.Agent.Commands;

/// <summary>How a command ended: acknowledged <c>succeeded</c> or <c>failed</c> with <see cref="Result"/> (never a secret).</summary>
internal sealed record CommandOutcome(bool Succeeded, string Result)
{
    public static CommandOutcome Success(string result) => new(true, result);

    public static CommandOutcome Failure(string result) => new(false, result);

    /// <summary>The ack word.</summary>
    public string Word => Succeeded ? CommandActions.Succeeded : CommandActions.Failed;
}
