using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Core.Labels;

/// <summary>Settings of the label engine.</summary>
public sealed partial class LabelEngineOptions : IValidatableObject
{
    /// <summary>
    /// An extra label prefix, read before <c>dockflare.</c> and <c>cloudflare.tunnel.</c>.
    /// <c>myco</c> and <c>myco.</c> mean the same: labels such as <c>myco.hostname</c>.
    /// </summary>
    [ConfigurationKeyName("LABEL_PREFIX")]
    public string? LabelPrefix { get; set; }

    /// <summary>
    /// Whether <paramref name="key"/> is under a prefix DockFlare reads (<c>dockflare.</c>, <c>cloudflare.tunnel.</c>
    /// or <see cref="LabelPrefix"/>), in any case, so that misspelt labels are still diagnosed and shown.
    /// </summary>
    public bool IsDockFlareLabel(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var custom = LabelPrefix?.Trim().TrimEnd('.');
        return key.StartsWith("dockflare.", StringComparison.OrdinalIgnoreCase)
               || key.StartsWith("cloudflare.tunnel.", StringComparison.OrdinalIgnoreCase)
               || (!string.IsNullOrEmpty(custom) && key.StartsWith(custom + ".", StringComparison.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(LabelPrefix) && !PrefixPattern().IsMatch(LabelPrefix.Trim()))
        {
            yield return new ValidationResult(
                $"LABEL_PREFIX '{LabelPrefix}' is not a label prefix: use letters, digits, '-', '_' and dots, for example 'myco' or 'com.example.tunnel'.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
