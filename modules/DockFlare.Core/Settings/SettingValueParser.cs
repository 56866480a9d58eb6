using System.Globalization;

namespace DockFlare.Core.Settings;

/// <summary>Parses a setting's text into the property type, with DockFlare's boolean words.</summary>
public static class SettingValueParser
{
    private static readonly string[] TrueWords = ["true", "1", "t", "yes", "y", "on"];
    private static readonly string[] FalseWords = ["false", "0", "f", "no", "n", "off"];

    public static bool TryParse(string text, Type type, out object? value, out string expected)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        if (target == typeof(string))
        {
            expected = "text";
            value = text;
            return true;
        }

        if (target == typeof(bool))
        {
            expected = "a boolean (true/false, yes/no, 1/0)";
            var lower = text.ToLowerInvariant();
            if (TrueWords.Contains(lower))
            {
                value = true;
            }
            else if (FalseWords.Contains(lower))
            {
                value = false;
            }

            return value is not null;
        }

        if (target == typeof(int))
        {
            expected = "a whole number";
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                value = number;
            }

            return value is not null;
        }

        if (target.IsEnum)
        {
            expected = "one of " + string.Join(", ", Enum.GetNames(target).Select(n => n.ToLowerInvariant()));
            if (Enum.TryParse(target, text, ignoreCase: true, out var parsed) && Enum.IsDefined(target, parsed))
            {
                value = parsed;
            }

            return value is not null;
        }

        throw new NotSupportedException($"Settings of type {target.Name} are not supported.");
    }
}
