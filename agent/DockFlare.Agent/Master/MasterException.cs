namespace DockFlare.Agent.Master;

/// <summary>A call to the master did not succeed. Messages never hold the key or a token.</summary>
internal abstract class MasterException(string message, Exception? inner = null) : Exception(message, inner);
