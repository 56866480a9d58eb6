using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using DockFlare.Core.State;

namespace DockFlare.Modules.State.Tests;

/// <summary>
/// Case B13 guard: the round-trip samples must set every stored property, so a field added to a record
/// later fails the round-trip tests if the stores do not keep it.
/// </summary>
public sealed class StateSamplesTests
{
    public static TheoryData<string> Samples => new() { "route", "manual-rule", "ownership", "change", "deadline" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_EveryStoredProperty_HasANonDefaultValue(string sample)
    {
        object value = sample switch
        {
            "route" => StateSamples.Route(),
            "manual-rule" => StateSamples.ManualRule(),
            "ownership" => StateSamples.Ownership(OwnedObjectKind.AccessApp),
            "change" => ChangeLogEntry.From(3, StateSamples.Change()),
            _ => StateSamples.Deadline("o", 1),
        };

        var unset = new List<string>();
        CollectUnset(value, value.GetType(), value.GetType().Name, unset);

        Assert.Empty(unset);
    }

    [Theory]
    [InlineData("local:local", RouteSourceKeyKind.Local, "local")]
    [InlineData("agent:a:b", RouteSourceKeyKind.Agent, "a:b")]
    [InlineData("MANUAL:manual", RouteSourceKeyKind.Manual, "manual")]
    public void TryParse_TextForm_ReturnsTheKey(string text, RouteSourceKeyKind kind, string id)
    {
        Assert.True(RouteSourceKey.TryParse(text, out var key));
        Assert.Equal(new RouteSourceKey(kind, id), key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("local")]
    [InlineData("local:")]
    [InlineData("1:x")]
    [InlineData("docker:x")]
    public void TryParse_NotAKey_ReturnsFalse(string text)
    {
        Assert.False(RouteSourceKey.TryParse(text, out _));
    }

    private static void CollectUnset(object? value, Type declared, string path, List<string> unset)
    {
        // A plain bool must be true: false is what a dropped field reads back as. A bool? only needs a value.
        if (value is null || (declared == typeof(bool) && value is false))
        {
            unset.Add(path);
            return;
        }

        var type = value.GetType();
        if (type.IsValueType && !type.IsPrimitive && !type.IsEnum && type.Namespace?.StartsWith("DockFlare", StringComparison.Ordinal) != true)
        {
            return;
        }

        if (type.IsValueType && type != typeof(bool) && value.Equals(Activator.CreateInstance(type)))
        {
            unset.Add(path);
            return;
        }

        if (value is IEnumerable items and not string)
        {
            if (!items.Cast<object>().Any())
            {
                unset.Add(path + " (empty)");
            }

            return;
        }

        if (type.Namespace?.StartsWith("DockFlare", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null))
        {
            CollectUnset(property.GetValue(value), property.PropertyType, path + "." + property.Name, unset);
        }
    }
}
