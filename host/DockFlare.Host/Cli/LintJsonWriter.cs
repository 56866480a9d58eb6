using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Routing;

namespace DockFlare.Host.Cli;

/// <summary>
/// Writes the linter's JSON report. The shape is documented in docs/labels.md ("Lint output")
/// and versioned by <c>schema</c>; properties are always written, in this order, null when unset.
/// </summary>
internal static class LintJsonWriter
{
    public const string Schema = "dockflare-lint/1";

    public static string Write(LintInput input, DesiredState state)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("file", input.File);
            json.WriteString("format", input.Format);
            WriteSummary(json, input, state);

            json.WriteStartArray("routes");
            foreach (var route in state.Routes)
            {
                WriteRoute(json, route);
            }

            json.WriteEndArray();

            json.WriteStartArray("hostnames");
            foreach (var hostname in state.Hostnames)
            {
                json.WriteStartObject();
                json.WriteString("hostname", hostname.Hostname);
                json.WriteString("zone", hostname.Zone);
                json.WriteString("tunnel", hostname.Tunnel);
                json.WriteBoolean("pendingDeletion", hostname.PendingDeletion);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("ingress");
            foreach (var document in state.Ingress)
            {
                json.WriteStartObject();
                json.WriteString("tunnel", document.Tunnel);
                json.WritePropertyName("config");
                using (var config = JsonDocument.Parse(document.ToConfigJson()))
                {
                    config.RootElement.WriteTo(json);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in state.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
                json.WriteString("code", diagnostic.Code);
                json.WriteString("container", diagnostic.Source);
                json.WriteString("host", diagnostic.Host);
                json.WriteString("label", diagnostic.Label);
                json.WriteString("message", diagnostic.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSummary(Utf8JsonWriter json, LintInput input, DesiredState state)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("containers", input.Containers.Count);
        json.WriteNumber("routes", state.Routes.Count);
        json.WriteNumber("errors", state.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        json.WriteNumber("warnings", state.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        json.WriteNumber("infos", state.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info));
        json.WriteEndObject();
    }

    private static void WriteRoute(Utf8JsonWriter json, RouteSpec route)
    {
        json.WriteStartObject();
        json.WriteString("hostname", route.Hostname);
        json.WriteString("path", route.Path);
        json.WriteString("pathAsWritten", route.PathAsWritten);
        json.WriteString("service", route.Service);
        json.WriteString("serviceKind", Camel(route.ServiceKind.ToString()));
        json.WriteString("zone", route.Zone);
        json.WriteString("tunnel", route.Tunnel);
        json.WriteBoolean("pendingDeletion", route.PendingDeletion);

        json.WriteStartObject("source");
        json.WriteString("kind", Camel(route.Source.Kind.ToString()));
        json.WriteString("name", route.Source.Name);
        json.WriteString("host", route.Source.Host);
        if (route.Source.Index is { } index)
        {
            json.WriteNumber("index", index);
        }
        else
        {
            json.WriteNull("index");
        }

        json.WriteEndObject();

        json.WritePropertyName("originRequest");
        if (route.OriginRequest is null)
        {
            json.WriteNullValue();
        }
        else
        {
            using var origin = JsonDocument.Parse(JsonSerializer.Serialize(route.OriginRequest, OriginOptions));
            origin.RootElement.WriteTo(json);
        }

        WriteAccess(json, route.Access);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteAccess(Utf8JsonWriter json, AccessIntent access)
    {
        json.WriteStartObject("access");
        json.WriteString("mode", Camel(access.Mode.ToString()));
        json.WriteString("domain", access.Domain);
        WriteStrings(json, "groups", access.Groups);
        json.WriteString("appName", access.AppName);
        json.WriteString("sessionDuration", access.SessionDuration);
        json.WriteBoolean("appLauncherVisible", access.AppLauncherVisible);
        WriteStrings(json, "allowedIdps", access.AllowedIdps);
        json.WriteBoolean("autoRedirectToIdentity", access.AutoRedirectToIdentity);
        json.WritePropertyName("customRules");
        if (access.CustomRulesJson is null)
        {
            json.WriteNullValue();
        }
        else
        {
            using var rules = JsonDocument.Parse(access.CustomRulesJson);
            rules.RootElement.WriteTo(json);
        }

        json.WriteString("legacyPolicy", access.LegacyPolicy);
        json.WriteEndObject();
    }

    private static readonly JsonSerializerOptions OriginOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
