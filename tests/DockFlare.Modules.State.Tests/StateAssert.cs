using DockFlare.Core.State;

namespace DockFlare.Modules.State.Tests;

/// <summary>Deep comparison of stored records: record equality plus the JSON form (which covers dictionaries and lists).</summary>
internal static class StateAssert
{
    public static void SameData<T>(T expected, T actual)
    {
        Assert.Equal(StateJson.Serialize(expected), StateJson.Serialize(actual));
    }

    public static void SameRoutes(RouteSet expected, RouteSet actual)
    {
        Assert.Equal(expected.Routes, actual.Routes);
        SameData(expected, actual);
    }
}
