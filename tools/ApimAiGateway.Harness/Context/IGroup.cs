namespace ApimAiGateway.Harness.Context;

/// <summary>A user group, as listed by products and users.</summary>
public interface IGroup
{
    string Id { get; }

    string Name { get; }
}
