using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Core.Settings;

/// <summary>
/// Binds options classes from configuration (environment variables use the names in
/// <see cref="ConfigurationKeyNameAttribute"/>) and validates them with their data annotations,
/// collecting every problem so that one start reports all bad settings at once.
/// </summary>
public sealed class SettingsBinder(IConfiguration configuration)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public T Bind<T>()
        where T : class, new()
    {
        var options = new T();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var raw = configuration[key];
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            if (SettingValueParser.TryParse(raw.Trim(), property.PropertyType, out var value, out var expected))
            {
                property.SetValue(options, value);
            }
            else
            {
                Report($"{key}: '{Redact(key, raw)}' is not {expected}.");
            }
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            Report(result.ErrorMessage ?? $"{typeof(T).Name} is invalid.");
        }

        return options;
    }

    public void Add(string problem) => Report(problem);

    // A setting several modules read (GRACE_PERIOD_SECONDS) is reported once, not once per reader.
    private void Report(string problem)
    {
        if (!_problems.Contains(problem, StringComparer.Ordinal))
        {
            _problems.Add(problem);
        }
    }

    /// <exception cref="SettingsException">Any setting was invalid.</exception>
    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new SettingsException(_problems.ToList());
        }
    }

    // Values of secret-looking settings are never echoed back.
    private static string Redact(string key, string raw) =>
        key.Contains("KEY", StringComparison.OrdinalIgnoreCase)
        || key.Contains("TOKEN", StringComparison.OrdinalIgnoreCase)
        || key.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
        || key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
            ? "(hidden)"
            : raw;
}
