namespace Dateline.Core.Documents;

/// <summary>A named, typed slot on a <see cref="Document"/>, written once by the component that produces it.</summary>
public abstract class Layer(string name)
{
    public string Name => name;

    public override string ToString() => name;
}

/// <summary>A layer holding a value of type <typeparamref name="T"/>.</summary>
public sealed class Layer<T>(string name) : Layer(name);
