package io.sockshell;
public class Main { public static void main(String[] a) {} }
