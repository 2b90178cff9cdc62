namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Workspace</c>.</summary>
public interface IWorkspace
{
    string Id { get; }

    string Name { get; }
}
