namespace DockFlare.Core.Labels;

/// <summary>A container's DockFlare labels, split into the base set and the indexed sets.</summary>
internal sealed class ContainerLabels
{
    public bool HasAny { get; set; }

    public LabelValue? Enable { get; set; }

    public LabelLevel Base { get; } = new();

    public SortedDictionary<int, LabelLevel> Indexed { get; } = [];
}
