Console.WriteLine("vika");
