using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Adds the tunnel token to <c>start_tunnel</c> and <c>restart_tunnel</c> (field <c>token</c>) at delivery,
/// so no store ever holds it. The original 3.x agent reads <c>tunnel_token</c> in <c>restart_tunnel</c>: the
/// compatibility shape of the command poll copies it there. Tokens are cached in memory only, briefly, to
/// spare Cloudflare calls on repeated deliveries.
/// </summary>
internal sealed class AgentTokenResolver(
    ICloudflareTunnels? tunnels,
    CloudflareAccount? account,
    TimeProvider time,
    ILogger<AgentTokenResolver> log)
{
    public const string StartTunnel = "start_tunnel";
    public const string RestartTunnel = "restart_tunnel";

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);

    /// <summary>After a failed read the tunnel is not asked for again this long (a waiting poll re-checks every few seconds).</summary>
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _failedUntil = new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, (TunnelToken Token, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The payload field that carries the token for <paramref name="action"/>, or null when it carries none.</summary>
    public static string? TokenField(string action) => action switch
    {
        StartTunnel or RestartTunnel => "token",
        _ => null,
    };

    /// <summary>Removes any token field from a payload about to be stored (callers must not queue secrets).</summary>
    public static JsonObject WithoutSecrets(JsonObject payload)
    {
        var copy = (JsonObject)payload.DeepClone();
        copy.Remove("token");
        copy.Remove("tunnel_token");
        return copy;
    }

    /// <summary>
    /// The commands with their secrets added. A command whose token cannot be read now is left out of
    /// this delivery (it stays pending and is tried again on the next poll) rather than sent without it.
    /// </summary>
    public async Task<IReadOnlyList<AgentCommand>> AddSecretsAsync(IReadOnlyList<AgentCommand> commands, CancellationToken cancellationToken)
    {
        var delivered = new List<AgentCommand>(commands.Count);
        foreach (var command in commands)
        {
            var field = TokenField(command.Action);
            if (field is null)
            {
                delivered.Add(command);
                continue;
            }

            var tunnelId = command.Payload["tunnel_id"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;
            if (string.IsNullOrWhiteSpace(tunnelId))
            {
                // Without a tunnel id there is no token to add and the agent could not act on it: it waits for expiry.
                log.LogWarning("Command {CommandId} ({Action}) for agent {AgentId} has no tunnel_id and is not delivered", command.Id, command.Action, command.AgentId);
                continue;
            }

            var token = await TokenAsync(command, tunnelId, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                continue;
            }

            var payload = (JsonObject)command.Payload.DeepClone();
            payload[field] = token.Value;
            delivered.Add(command with { Payload = payload });
        }

        return delivered;
    }

    private async Task<TunnelToken?> TokenAsync(AgentCommand command, string tunnelId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(tunnelId, out var cached) && cached.Until > now)
        {
            return cached.Token;
        }

        if (_failedUntil.TryGetValue(tunnelId, out var until) && until > now)
        {
            return null;
        }

        if (tunnels is null || account is null || !account.IsConfigured)
        {
            _failedUntil[tunnelId] = now + FailureBackoff;
            log.LogWarning(
                "Command {CommandId} ({Action}) for agent {AgentId} is held back: Cloudflare is not configured, so the token of tunnel {TunnelId} cannot be read",
                command.Id, command.Action, command.AgentId, tunnelId);
            return null;
        }

        try
        {
            var token = await tunnels.GetTunnelTokenAsync(account.RequireId(), tunnelId, cancellationToken).ConfigureAwait(false);
            _cache[tunnelId] = (token, now + CacheFor);
            _failedUntil.TryRemove(tunnelId, out _);
            return token;
        }
        catch (CloudflareApiException ex)
        {
            _failedUntil[tunnelId] = now + FailureBackoff;
            log.LogWarning(
                "Command {CommandId} ({Action}) for agent {AgentId} is held back until the next poll: reading the token of tunnel {TunnelId} failed: {Reason}",
                command.Id, command.Action, command.AgentId, tunnelId, ex.Message);
            return null;
        }
    }
}
