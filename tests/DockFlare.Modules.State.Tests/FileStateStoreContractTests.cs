using DockFlare.Core.State;

namespace DockFlare.Modules.State.Tests;

public sealed class FileStateStoreContractTests : StateStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    private protected override IStateStore OpenStore() => new FileStateStore(_directory.Path, MaxChangeLogLength);

    public void Dispose() => _directory.Dispose();
}
